using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;

using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Exports;

/// <summary>
/// Writes queued organisation exports, one at a time per instance. Every instance runs it; an export is
/// claimed with FOR UPDATE SKIP LOCKED and a status check, so two instances never write the same one.
/// The zip is written under a partial name and renamed when complete; a failure deletes it and marks
/// the export failed with a generic message (the log gets the export id and the error's type, no data).
/// Finished exports older than the retention period lose their file and are marked expired. The rows are
/// read through <see cref="ReportingDatabase"/> (a replica when configured); the export's own state is the primary's.
/// </summary>
public sealed partial class OrganisationExportWorker(
    IServiceScopeFactory scopes,
    ExportFiles files,
    ReportingDatabase reporting,
    IOptions<ExportOptions> options,
    TimeProvider clock,
    ILogger<OrganisationExportWorker> logger) : BackgroundService
{
    public const string FailedMessage = "The export failed. Start a new export; if it fails again, tell the administrator of the server.";
    public const string InterruptedMessage = "The export was interrupted (the server stopped). Start a new export.";

    private static readonly string WorkerName = $"{Environment.MachineName}/{Environment.ProcessId}";

    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Asks this instance's worker to look for queued exports now rather than at its next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>
    /// Marks interrupted exports failed, claims the oldest queued export and writes it. Returns its id,
    /// or null when nothing was queued. The timer calls it; tests call it directly, and may watch each
    /// step through <paramref name="onProgress"/> (called after the step is saved).
    /// </summary>
    public async Task<Guid?> ProcessNextAsync(Func<ExportProgressStep, Task>? onProgress = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        if (await ClaimNextAsync(db, now, cancellationToken) is not { } id)
        {
            return null;
        }

        var exports = db.Set<OrganisationExport>();
        Directory.CreateDirectory(files.Directory);
        var partial = files.PartialPathOf(id);
        try
        {
            await WriteAsync(db, id, partial, now, onProgress, cancellationToken);
            File.Move(partial, files.PathOf(id), overwrite: true);
            var size = new FileInfo(files.PathOf(id)).Length;
            var finishedAt = clock.GetUtcNow();
            await exports.Where(e => e.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Status, OrganisationExportStatus.Completed)
                    .SetProperty(e => e.CurrentFile, (string?)null)
                    .SetProperty(e => e.SizeBytes, size)
                    .SetProperty(e => e.FinishedAt, finishedAt)
                    .SetProperty(e => e.HeartbeatAt, finishedAt),
                CancellationToken.None);
            LogCompleted(logger, id, size);
        }
        catch (Exception e)
        {
            // The message of a database or file error could quote a value: only its type is logged.
            LogFailed(logger, id, e.GetType().FullName ?? e.GetType().Name);
            TryDelete(partial);
            TryDelete(files.PathOf(id));
            await exports.Where(x => x.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, OrganisationExportStatus.Failed)
                    .SetProperty(x => x.Error, FailedMessage)
                    .SetProperty(x => x.FinishedAt, clock.GetUtcNow()),
                CancellationToken.None);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }

        return id;
    }

    /// <summary>Marks exports whose writer stopped beating failed, then claims the oldest queued one; null when none is queued.</summary>
    private async Task<Guid?> ClaimNextAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = now - options.Value.StaleAfter;
        await db.Set<OrganisationExport>()
            .Where(e => e.Status == OrganisationExportStatus.Running && e.HeartbeatAt < staleBefore)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Status, OrganisationExportStatus.Failed)
                    .SetProperty(e => e.Error, InterruptedMessage)
                    .SetProperty(e => e.FinishedAt, now),
                cancellationToken);

        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE organisation_exports
               SET status = {(int)OrganisationExportStatus.Running}, worker = {WorkerName}, started_at = {now}, heartbeat_at = {now}
             WHERE id = (SELECT id FROM organisation_exports
                          WHERE status = {(int)OrganisationExportStatus.Queued}
                          ORDER BY requested_at, id
                          LIMIT 1
                          FOR UPDATE SKIP LOCKED)
               AND status = {(int)OrganisationExportStatus.Queued}
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    /// <summary>
    /// Writes the zip under its partial name, reading on a connection of its own (the reporting one when configured),
    /// and saving every progress step (the heartbeat) through the primary.
    /// </summary>
    private async Task WriteAsync(AppDbContext db, Guid id, string partial, DateTimeOffset now, Func<ExportProgressStep, Task>? onProgress, CancellationToken cancellationToken)
    {
        var exports = db.Set<OrganisationExport>();
        await using var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        // Who the export is for, named in its README (issue 15, point 6): the administrator who started it.
        var by = await exports.Where(e => e.Id == id)
            .Select(e => db.Users.Where(u => u.Id == e.RequestedBy).Select(u => new Exporter(u.FullName, u.Email ?? "", now)).First())
            .FirstAsync(cancellationToken);
        await using var connection = await reporting.OpenConnectionAsync(cancellationToken);
        await OrganisationExportWriter.WriteAsync(connection, output, id, by, options.Value.BatchSize, async step =>
        {
            await exports.Where(e => e.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.CurrentFile, step.CurrentFile)
                    .SetProperty(e => e.FilesDone, step.FilesDone)
                    .SetProperty(e => e.FilesTotal, step.FilesTotal)
                    .SetProperty(e => e.RowsWritten, step.RowsWritten)
                    .SetProperty(e => e.RowsTotal, step.RowsTotal)
                    .SetProperty(e => e.HeartbeatAt, clock.GetUtcNow()),
                cancellationToken);
            if (onProgress is not null)
            {
                await onProgress(step);
            }
        }, cancellationToken);
    }

    /// <summary>Deletes the files of exports finished more than the retention period ago and marks them expired.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var exports = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OrganisationExport>();
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(0, options.Value.RetentionDays));
        var expired = await exports
            .Where(e => e.Status == OrganisationExportStatus.Completed && e.FinishedAt < cutoff)
            .Select(e => e.Id)
            .TakeFixed(100)
            .ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            TryDelete(files.PathOf(id));
            await exports.Where(e => e.Id == id && e.Status == OrganisationExportStatus.Completed)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OrganisationExportStatus.Expired), cancellationToken);
        }

        return expired.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunInBackground)
        {
            LogDisabled(logger);
            return;
        }

        var interval = settings.PollInterval > TimeSpan.Zero ? settings.PollInterval : TimeSpan.FromSeconds(15);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await DeleteExpiredAsync(stoppingToken);
                    while (await ProcessNextAsync(cancellationToken: stoppingToken) is not null)
                    {
                        // Drain the queue before sleeping.
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly away (a restart, a failover): the next round tries again.
                    LogRoundFailed(logger, e.GetType().FullName ?? e.GetType().Name);
                }

                await _wake.WaitAsync(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; an export being written is marked failed above, or as interrupted by the next instance.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the operator; the export is marked failed or expired either way.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation export worker is off (Exports:RunInBackground is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation export {ExportId} completed: {SizeBytes} bytes")]
    private static partial void LogCompleted(ILogger logger, Guid exportId, long sizeBytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Organisation export {ExportId} failed with {ErrorType}")]
    private static partial void LogFailed(ILogger logger, Guid exportId, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Organisation export round failed with {ErrorType}; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, string errorType);
}
