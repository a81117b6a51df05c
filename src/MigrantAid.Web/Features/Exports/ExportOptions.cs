namespace MigrantAid.Web.Features.Exports;

/// <summary>The organisation export ("Exports" section).</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>
    /// Where finished zips are kept; relative paths are under the content root. With several instances
    /// this must be a volume they all share (the instance that writes an export may not serve its download).
    /// </summary>
    public string Directory { get; set; } = "App_Data/exports";

    /// <summary>Days a finished export stays downloadable; its file is then deleted.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>Rows read per query (keyset batch); progress is saved after each.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>False: the worker never runs by itself (tests call <see cref="OrganisationExportWorker.ProcessNextAsync"/>).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often an idle worker looks for queued exports (one started on this instance wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A running export whose progress has not moved for this long is taken as interrupted and marked failed.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}
