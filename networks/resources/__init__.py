"""The resource library: a network's documents and links, tagged with expertise areas, goals and quality areas;
the versions of each document; public resources on the network's public page."""
