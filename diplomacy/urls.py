from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", views.search_view, name="search"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("officials/", include("people.urls")),
    path("", include("engagements.urls")),
    path("batches/", include("reports.urls")),
    path("record/", include("engagements.reconcile_urls")),
    path("api/", include("engagements.api_urls")),
    path("merge/", include("engagements.merge_urls")),
    path("admin/", admin.site.urls),
]
