"""Mounted at /merge/ by the project's urls: path("merge/", include("engagements.merge_urls"))."""

from django.urls import path

from . import merge_views

app_name = "merge"
urlpatterns = [
    path("officials/", merge_views.officials, name="officials"),
    path("engagements/", merge_views.engagements, name="engagements"),
    path("trips/", merge_views.trips, name="trips"),
]
