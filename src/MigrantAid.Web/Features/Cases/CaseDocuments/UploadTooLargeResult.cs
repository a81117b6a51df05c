using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseDocuments;

/// <summary>
/// 413 with the case page, the "larger than 20 MB" message at the upload form's file field (its only field):
/// the user stays where they were and chooses a smaller file. Nothing of the upload was read or stored.
/// </summary>
public sealed class UploadTooLargeResult : IActionResult
{
    public const string Message = "The file is larger than 20 MB.";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var handler = http.RequestServices.GetRequiredService<ViewCaseFileHandler>();
        var model = Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id)
            ? await handler.HandleAsync(id, null, Viewer.From(http.User), http.RequestAborted)
            : null;
        if (model is null)
        {
            await new NotFoundResult().ExecuteResultAsync(context);
            return;
        }

        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        await new ViewResult
        {
            ViewName = "/Features/Cases/Show.cshtml",
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary<CaseFileModel>(metadata, context.ModelState)
            {
                Model = model,
                [CaseFileModel.DocumentErrorKey] = Message,
            },
        }.ExecuteResultAsync(context);
    }
}
