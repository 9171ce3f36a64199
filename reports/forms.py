from django import forms

from .loaders import limits


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
