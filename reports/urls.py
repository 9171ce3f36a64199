from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.batch_list, name="batches"),
    path("<int:pk>/", views.batch_detail, name="batch"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
]
