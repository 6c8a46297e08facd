from django.urls import path

from partners.views import organisations

app_name = "partners"
urlpatterns = [
    path("<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
]
