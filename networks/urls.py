from django.urls import path

from networks import views

app_name = "networks"
urlpatterns = [
    path("<slug:slug>/", views.network_detail, name="network_detail"),
    path("<slug:slug>/edit/", views.network_edit, name="network_edit"),
    path("<slug:slug>/invite/", views.invitation_create, name="invitation_create"),
]
