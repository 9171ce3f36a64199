from django.contrib import admin

from .models import (
    Agreement,
    AgreementAlias,
    Citation,
    Engagement,
    Participant,
    Place,
    Stop,
    Trip,
)

FACT_READONLY = ["version", "edited_fields", "created_at", "updated_at"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "latitude", "longitude"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "normalized"]
    autocomplete_fields = ["country"]


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 1
    autocomplete_fields = ["official"]


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    fields = ["article", "start", "end", "quote"]
    raw_id_fields = ["article"]


@admin.register(Engagement)
class EngagementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "status", "place", "start", "end", "precision", "review"]
    list_filter = ["kind", "status", "precision", "origin", "review"]
    search_fields = ["title", "participants__name", "place__name"]
    date_hierarchy = "start"
    autocomplete_fields = ["place"]
    raw_id_fields = ["stop"]
    readonly_fields = FACT_READONLY
    list_select_related = ["place__country"]
    inlines = [ParticipantInline, CitationInline]


class StopInline(admin.TabularInline):
    model = Stop
    extra = 0
    fields = ["order", "place", "start", "end", "precision", "review"]
    autocomplete_fields = ["place"]
    ordering = ["order"]


@admin.register(Trip)
class TripAdmin(admin.ModelAdmin):
    list_display = ["__str__", "traveler", "start", "end", "origin", "review"]
    list_filter = ["origin", "review"]
    search_fields = ["title", "traveler__name", "stops__place__name"]
    date_hierarchy = "start"
    autocomplete_fields = ["traveler"]
    readonly_fields = FACT_READONLY
    list_select_related = ["traveler"]
    inlines = [StopInline]


@admin.register(Stop)
class StopAdmin(admin.ModelAdmin):
    list_display = ["__str__", "trip", "order", "start", "end", "precision", "origin"]
    list_filter = ["origin", "precision", "review"]
    search_fields = ["place__name", "trip__traveler__name", "record_id"]
    autocomplete_fields = ["place"]
    raw_id_fields = ["trip"]
    readonly_fields = FACT_READONLY
    list_select_related = ["place__country", "trip__traveler"]
    inlines = [CitationInline]


class AgreementAliasInline(admin.TabularInline):
    model = AgreementAlias
    extra = 0
    fields = ["alias"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "date", "review"]
    list_filter = ["kind", "status", "review", "origin"]
    search_fields = ["name", "aliases__alias"]
    filter_horizontal = ["parties"]
    readonly_fields = FACT_READONLY
    inlines = [AgreementAliasInline, CitationInline]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "start", "end"]
    search_fields = ["quote", "article__title"]
    raw_id_fields = ["article", "official", "engagement", "trip", "stop", "agreement"]
    list_select_related = ["article"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["official", "engagement", "role"]
    list_filter = ["role"]
    search_fields = ["official__name", "engagement__title"]
    autocomplete_fields = ["official"]
    raw_id_fields = ["engagement"]
    list_select_related = ["official", "engagement"]


@admin.register(AgreementAlias)
class AgreementAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "agreement"]
    search_fields = ["alias", "agreement__name"]
    raw_id_fields = ["agreement"]
