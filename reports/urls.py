from django.urls import path

from . import source_views, views

app_name = "reports"
urlpatterns = [
    path("", views.batch_list, name="batches"),
    path("upload/", views.batch_upload, name="upload"),
    path("reextract/", views.all_reextract, name="reextract_all"),
    path("<int:pk>/", views.batch_detail, name="batch"),
    path("<int:pk>/reextract/", views.batch_reextract, name="batch_reextract"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("articles/<int:pk>/reextract/", views.article_reextract, name="article_reextract"),
    path("articles/<int:pk>/date/", views.article_date, name="article_date"),
    path("sources/add/", source_views.source_add, name="source_add"),
    path("sources/<int:pk>/", source_views.source_row, name="source_row"),
    path("sources/<int:pk>/edit/", source_views.source_edit, name="source_edit"),
    path("sources/<int:pk>/poll/", source_views.source_poll, name="source_poll"),
]
