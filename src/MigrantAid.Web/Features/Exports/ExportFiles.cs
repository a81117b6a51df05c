using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Features.Exports;

/// <summary>Where an export's zip lives: the final file, and the partial one it is written to first.</summary>
public sealed class ExportFiles(IOptions<ExportOptions> options, IWebHostEnvironment environment)
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Directory));

    public string PathOf(Guid exportId) => Path.Combine(Directory, exportId.ToString("N") + ".zip");

    /// <summary>Written here and renamed when complete, so a zip under the final name is never half-written.</summary>
    public string PartialPathOf(Guid exportId) => PathOf(exportId) + ".partial";
}
