from django.contrib import admin
from django.db import models

from .models import Article, Batch, Source
from .polling import source_poll_now


class ArticleInline(admin.TabularInline):
    model = Article
    extra = 0
    fields = ["title", "source", "published", "status", "error"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "url",
        "interval",
        "enabled",
        "last_polled_at",
        "next_poll_at",
        "failures",
        "last_result",
    ]
    list_filter = ["enabled"]
    search_fields = ["name", "url"]
    # what the polls record, shown beside what an admin sets
    readonly_fields = [
        "last_polled_at",
        "last_result",
        "last_error",
        "failures",
        "etag",
        "last_modified",
    ]
    actions = ["poll_now"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.action(description="Poll the selected sources now")
    def poll_now(self, request, queryset):
        started = sum(source_poll_now(source=source) for source in queryset)
        self.message_user(request, f"{started} source(s) being polled.")


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "feed", "created_by", "created_at", "finished_at"]
    list_filter = ["status", "feed"]
    search_fields = ["name", "source"]
    readonly_fields = ["created_at", "finished_at"]
    inlines = [ArticleInline]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "published", "status", "batch", "extractor_version"]
    list_filter = ["status", "source", "batch"]
    search_fields = ["title", "url", "source", "text", "sha256"]
    date_hierarchy = "published"
    readonly_fields = ["sha256", "created_at", "extracted_at", "extractor_version"]
    raw_id_fields = ["duplicate_of"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_select_related = ["batch"]
