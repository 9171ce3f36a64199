from django.contrib import admin
from django.db import models

from .models import Article, Batch


class ArticleInline(admin.TabularInline):
    model = Article
    extra = 0
    fields = ["title", "source", "published", "status", "error"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "created_by", "created_at", "finished_at"]
    list_filter = ["status"]
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
