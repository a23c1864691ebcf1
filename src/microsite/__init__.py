"""Build-time logic for the Coaching or Therapy? site: data blocks, schemas, post-build steps."""
