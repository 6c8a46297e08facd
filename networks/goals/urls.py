"""URLs of shared goals at /goals/ (namespace ``goals``): the board, goals, endorsement, indicators and reports."""

from django.urls import path

from networks.goals.views import endorsements, goals, indicators, reports

app_name = "goals"
urlpatterns = [
    path("", goals.goal_index, name="goal_index"),
    path("network/<slug:slug>/", goals.goal_board, name="goal_board"),
    path("network/<slug:slug>/new/", goals.goal_create, name="goal_create"),
    path("<int:pk>/", goals.goal_detail, name="goal_detail"),
    path("<int:pk>/edit/", goals.goal_edit, name="goal_edit"),
    path("<int:pk>/delete/", goals.goal_delete, name="goal_delete"),
    path("<int:pk>/status/", goals.goal_status, name="goal_status"),
    path("network/<slug:slug>/rule/", endorsements.goal_rule, name="goal_rule"),
    path("<int:pk>/endorsement/open/", endorsements.endorsement_open, name="endorsement_open"),
    path("<int:pk>/endorsement/answer/", endorsements.endorsement_answer, name="endorsement_answer"),
    path("<int:pk>/endorsements/", endorsements.goal_endorsements, name="goal_endorsements"),
    path("<int:pk>/indicators/add/", indicators.indicator_create, name="indicator_create"),
    path("<int:pk>/indicators/<int:indicator>/edit/", indicators.indicator_edit, name="indicator_edit"),
    path("<int:pk>/indicators/<int:indicator>/delete/", indicators.indicator_delete, name="indicator_delete"),
    path("<int:pk>/indicators/<int:indicator>/measurements/add/", indicators.measurement_add, name="measurement_add"),
    path(
        "<int:pk>/indicators/<int:indicator>/measurements/<int:measurement>/delete/",
        indicators.measurement_delete,
        name="measurement_delete",
    ),
    path(
        "<int:pk>/indicators/<int:indicator>/measurements/<int:measurement>/evidence/",
        indicators.evidence_download,
        name="evidence_download",
    ),
    path("network/<slug:slug>/report/", reports.goal_report, name="goal_report"),
    path("network/<slug:slug>/report.xlsx", reports.goal_report_export, name="goal_report_export"),
]
