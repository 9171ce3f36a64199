from django.contrib import admin

from .models import ApiToken, Country, Official, OfficialAlias, Organization, Post


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "alpha3"]
    search_fields = ["name", "official_name", "code", "alpha3"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym"]
    search_fields = ["name", "acronym"]


class OfficialAliasInline(admin.TabularInline):
    model = OfficialAlias
    extra = 0
    fields = ["alias"]


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    fields = ["title", "country", "organization", "start", "end"]
    autocomplete_fields = ["country", "organization"]


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "origin", "review", "merged_into", "updated_at"]
    list_filter = ["origin", "review", "country"]
    search_fields = ["name", "normalized_name", "aliases__alias", "aliases__normalized"]
    autocomplete_fields = ["country", "merged_into"]
    readonly_fields = ["version", "edited_fields", "created_at", "updated_at"]
    inlines = [OfficialAliasInline, PostInline]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["official", "title", "country", "organization", "start", "end"]
    list_filter = ["country"]
    search_fields = ["title", "official__name"]
    autocomplete_fields = ["official", "country", "organization"]
    list_select_related = ["official", "country", "organization"]


@admin.register(OfficialAlias)
class OfficialAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "official"]
    search_fields = ["alias", "official__name"]
    autocomplete_fields = ["official"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued with `manage.py api_token`; here they are listed and revoked."""

    list_display = ["user", "name", "created", "last_used"]
    search_fields = ["user__username", "name"]
    readonly_fields = ["user", "name", "key", "created", "last_used"]

    def has_add_permission(self, request) -> bool:
        return False
