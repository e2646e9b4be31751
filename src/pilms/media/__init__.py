"""Media library: uploads checked by content, stored outside the web root under random names,
served with HTTP range requests, thumbnails for images."""
