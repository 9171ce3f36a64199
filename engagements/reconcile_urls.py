"""Mounted at /record/ by the project's urls: path("record/", include(...))."""

from django.urls import path

from . import reconcile_views

app_name = "record"
urlpatterns = [
    path("reconcile/", reconcile_views.reconcile_page, name="reconcile"),
    path("reconcile/accept/", reconcile_views.accept_record_dates, name="accept_dates"),
]
