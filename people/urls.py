from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.official_list, name="officials"),
    path("<int:pk>/", views.official_detail, name="official"),
    path("suggest/", views.official_suggest, name="suggest"),
]
