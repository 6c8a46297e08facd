"""The pages of the resource library: the network's library and adding to it (``library``), a resource's page,
editing and deleting it (``resources``), its versions: uploading a new one and downloading any (``versions``)."""
