"""Placeholder: filled in by the goals part of issue 5."""

urlpatterns = []
