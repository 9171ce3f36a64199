from django.urls import path

from . import views

app_name = "engagements"
urlpatterns = [
    path("trips/", views.trip_list, name="trips"),
    path("trips/<int:pk>/", views.trip_detail, name="trip"),
    path("engagements/", views.engagement_list, name="engagements"),
    path("engagements/<int:pk>/", views.engagement_detail, name="engagement"),
    path("agreements/", views.agreement_list, name="agreements"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement"),
    path("review/", views.review_queue, name="review"),
]
