"""Canvases of step 1: fill one in (structured, part by part), print it, or download it as PDF."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import HTML

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import capability_required, login_required_or_403
from mhw.accounts.roles import Capability
from mhw.metro.forms import CanvasForm
from mhw.metro.models import Canvas, Cluster
from mhw.metro.services import canvases
from mhw.metro.services.common import MetroError


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def canvas_edit(request, pk: int):
    canvas = get_object_or_404(
        Canvas.objects.filter(cluster__in=Cluster.objects.manageable_by(request.user)).select_related("cluster"), pk=pk
    )
    form = CanvasForm(request.POST or None, canvas=canvas)
    if request.method == "POST" and form.is_valid():
        try:
            canvases.save_canvas(
                request.user, canvas, title=form.cleaned_data["title"], content=form.content(),
                expected_version=form.cleaned_data["version"],
            )  # fmt: skip
        except (ConcurrentEditError, MetroError) as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The canvas has been saved."))
            return redirect("canvas_edit", pk=pk)
    return render(request, "metro/canvas_edit.html", {"canvas": canvas, "form": form})


def _visible_canvas(request, pk: int) -> Canvas:
    return get_object_or_404(
        Canvas.objects.filter(cluster__in=Cluster.objects.visible_to(request.user)).select_related("cluster"), pk=pk
    )


@login_required_or_403
def canvas_print(request, pk: int):
    canvas = _visible_canvas(request, pk)
    return render(request, "metro/canvas_print.html", {"canvas": canvas, "standalone": False})


@login_required_or_403
def canvas_pdf(request, pk: int):
    canvas = _visible_canvas(request, pk)
    html = render_to_string("metro/canvas_print.html", {"canvas": canvas, "standalone": True}, request=request)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="canvas-{canvas.pk}.pdf"'
    return response
