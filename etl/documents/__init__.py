"""Reading input files into documents and records (abstracts, listing entries, pages)."""

from etl.documents.read import FolderRead, read_folder
from etl.documents.stage import Staged, stage_documents

__all__ = ["FolderRead", "Staged", "read_folder", "stage_documents"]
