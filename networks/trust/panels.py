"""What trust-building adds to the dashboard (see :mod:`portal.lib.panels`): for members, their upcoming
activities and the surveys waiting for their organisation; for coordinators, the trust trend, the response
rate of an open round, the strongest and weakest ties and the organisations with no new contacts this year."""

# --- joint activities -------------------------------------------------------------------------------------


# --- survey rounds ----------------------------------------------------------------------------------------


# --- results ----------------------------------------------------------------------------------------------
