from django.urls import path

from . import edit_views, views

app_name = "engagements"
urlpatterns = [
    path("trips/", views.trip_list, name="trips"),
    path("trips/<int:pk>/", views.trip_detail, name="trip"),
    path("trips/<int:pk>/stops/<int:stop_pk>/", views.stop_engagements, name="stop"),
    path("sources/<int:pk>/", views.citation_source, name="citation"),
    path("maps/world.svg", views.world_svg, name="world_svg"),
    path("engagements/", views.engagement_list, name="engagements"),
    path("engagements/<int:pk>/", views.engagement_detail, name="engagement"),
    path("agreements/", views.agreement_list, name="agreements"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement"),
    path("review/", views.review_queue, name="review"),
    path("engagements/<int:pk>/row/", edit_views.engagement_row, name="engagement_row"),
    path("engagements/<int:pk>/edit/", edit_views.engagement_edit, name="engagement_edit"),
    path("stops/<int:pk>/edit/", edit_views.stop_edit, name="stop_edit"),
    path("stops/<int:pk>/move/", edit_views.stop_move, name="stop_move"),
    path("trips/<int:pk>/split/<int:stop_pk>/", edit_views.trip_split, name="trip_split"),
    path("officials/<int:pk>/edit/", edit_views.official_edit, name="official_edit"),
    path("agreements/<int:pk>/edit/", edit_views.agreement_edit, name="agreement_edit"),
    path("facts/<str:model>/<int:pk>/review/", edit_views.fact_review, name="fact_review"),
    path("facts/<str:model>/<int:pk>/history/", edit_views.fact_history, name="history"),
    path(
        "facts/<str:model>/<int:pk>/revert/<int:history_id>/",
        edit_views.fact_revert,
        name="revert",
    ),
]
