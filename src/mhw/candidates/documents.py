"""Printable documents of the route, rendered from HTML templates to PDF with WeasyPrint."""

from django.template.loader import render_to_string
from weasyprint import HTML

from mhw.candidates.models import DeclarationOfIntent


def declaration_pdf(declaration: DeclarationOfIntent) -> bytes:
    html = render_to_string("candidates/declaration_print.html", {"declaration": declaration})
    return HTML(string=html).write_pdf()
