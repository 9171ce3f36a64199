"""Routes of the read-only JSON API; the project URLconf includes them under api/."""

from django.urls import path

from .api import views

app_name = "api"
urlpatterns = [
    path("trips", views.trip_list, name="trips"),
    path("trips/<int:pk>", views.trip_detail, name="trip"),
    path("engagements", views.engagement_list, name="engagements"),
    path("engagements/<int:pk>", views.engagement_detail, name="engagement"),
    path("officials", views.official_list, name="officials"),
    path("officials/<int:pk>", views.official_detail, name="official"),
    path("agreements", views.agreement_list, name="agreements"),
    path("agreements/<int:pk>", views.agreement_detail, name="agreement"),
    path("openapi.json", views.openapi, name="openapi"),
]
