"""Placeholder: replaced by the views of this part of issue 4."""

urlpatterns = []
