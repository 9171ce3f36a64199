from urllib.parse import urlsplit

from django import forms

from .loaders import limits
from .models import Source


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        # an empty file is the loader's to report, alone, not a reason to refuse the upload
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            if not data and self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        help_text=(
            "Several files at once, or a .zip: .txt (with NAME.meta.json in a zip), .html, "
            ".json, .jsonl, .csv, RSS/Atom feeds, .urls lists of links."
        )
    )
    published = forms.DateField(
        label="Date of these reports",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=(
            "For reports that carry no date of their own (in metadata, a dateline or a "
            "“Published:” line): their “Tuesday” and “later this month” are read from it. "
            "Without it they stay undated until an editor sets their date."
        ),
    )
    name = forms.CharField(max_length=200, required=False, help_text="Default: the file names.")
    source = forms.CharField(
        max_length=200, required=False, help_text="Outlet for reports that name none."
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        current = limits.current()
        for upload in files:
            limit = (
                current.archive_bytes
                if upload.name.lower().endswith(".zip")
                else current.file_bytes
            )
            if upload.size > limit:
                raise forms.ValidationError(
                    f"{upload.name} is {upload.size // 1024 // 1024} MB; "
                    f"the limit is {limit // 1024 // 1024} MB."
                )
        return files


class ArticleDateForm(forms.Form):
    published = forms.DateField(
        label="Published", widget=forms.DateInput(attrs={"type": "date"}), required=True
    )


class SourceForm(forms.Form):
    """A feed to poll, as an admin sets it on the Batches page."""

    name = forms.CharField(max_length=200)
    url = forms.URLField(label="Feed URL", max_length=1000, assume_scheme="https")
    interval = forms.IntegerField(
        label="Poll every (minutes)",
        min_value=1,
        initial=15,
        help_text="Doubled after each failure.",
    )
    enabled = forms.BooleanField(required=False, initial=True)

    def __init__(self, *args, source: Source | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.source = source

    @classmethod
    def initial_for(cls, source: Source) -> dict:
        return {f: getattr(source, f) for f in ("name", "url", "interval", "enabled")}

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if urlsplit(url).scheme.lower() not in {"http", "https"}:
            raise forms.ValidationError("Only http:// and https:// feeds can be polled.")
        others = Source.objects.filter(url=url)
        if self.source is not None:
            others = others.exclude(pk=self.source.pk)
        if others.exists():
            raise forms.ValidationError("A source with this feed URL exists already.")
        return url
