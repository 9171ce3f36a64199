"""The three roles as groups: analyst (view), editor (view + change facts), admin (all).

Used by a data migration and by anything that must make sure the groups exist
(a freshly flushed test database, for instance).
"""

from __future__ import annotations

from django.apps.registry import Apps

ROLE_GROUPS = ("analyst", "editor", "admin")
FACT_MODELS = {
    "people": ["official", "officialalias", "post", "organization"],
    "engagements": [
        "place",
        "engagement",
        "participant",
        "trip",
        "stop",
        "agreement",
        "agreementalias",
        "citation",
    ],
}
# Beyond the facts, editors may change a report's publication date (which re-dates its facts).
EDITOR_EXTRA = {"reports": ["change_article"]}
VIEW_APPS = ["people", "engagements", "reports"]
ADMIN_APPS = ["people", "engagements", "reports", "auth"]


def create_role_groups(apps: Apps) -> None:
    """Create or refresh the role groups and their permissions (idempotent)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_models

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    view = Permission.objects.filter(
        content_type__app_label__in=VIEW_APPS, codename__startswith="view_"
    )
    change = Permission.objects.none()
    for app_label, models in FACT_MODELS.items():
        for model in models:
            change |= Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in ("add", "change", "delete")],
            )
    for app_label, codenames in EDITOR_EXTRA.items():
        change |= Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
    everything = Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)

    analyst, _ = Group.objects.get_or_create(name="analyst")
    analyst.permissions.set(view)
    editor, _ = Group.objects.get_or_create(name="editor")
    editor.permissions.set(list(view) + list(change))
    admin, _ = Group.objects.get_or_create(name="admin")
    admin.permissions.set(everything)
