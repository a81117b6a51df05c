using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MigrantAid.Tests.Support;

/// <summary>
/// What one request sent to PostgreSQL: the commands (round trips), the SQL statements in them, and how often the
/// request opened its connection. Each open of a pooled connection costs one more statement on the wire (Npgsql's
/// <c>DISCARD ALL</c>, or <c>RESET ALL</c> and friends when it keeps prepared statements, sent before the first command
/// after the connection came back from the pool), which
/// <see cref="OnTheWire"/> adds, as the server log of issue 14 counted them.
/// </summary>
public sealed record RequestStatements(int Commands, int Statements, int ConnectionOpens, IReadOnlyList<string> Texts)
{
    /// <summary>The connection strings (without password) of the connections the request opened, in order.</summary>
    public IReadOnlyList<string> Opened { get; init; } = [];

    public int OnTheWire => Statements + ConnectionOpens;

    public override string ToString() =>
        $"{OnTheWire} statements ({Commands} commands, {ConnectionOpens} connection opens):{Environment.NewLine}" + string.Join(Environment.NewLine, Texts);
}

/// <summary>
/// Counts, per request marked with the <see cref="Header"/>, the commands Npgsql executes (its "Npgsql" activity source:
/// EF's queries and raw NpgsqlCommands alike) and the opens of the request's EF connection (an interceptor, added to the
/// portal's DbContext by <see cref="CountingPortal"/>). Requests are told apart by the header's value, read from the
/// request the command runs for; commands of background work and of other tests carry none and are not counted.
/// </summary>
public sealed class StatementCounter : IDbConnectionInterceptor
{
    public const string Header = "X-Test-Statements";

    private const string KeyProperty = "migrantaid-test-statements";

    private static readonly HttpContextAccessor Requests = new();

    private static readonly ConcurrentDictionary<string, Tally> Tallies = new();

    private static readonly ActivityListener Listener = StartListening();

    private static readonly AsyncLocal<Tally?> Flow = new();

    /// <summary>Sends the request made by <paramref name="send"/> marked for counting; returns its response and its statements.</summary>
    public static async Task<(HttpResponseMessage Response, RequestStatements Statements)> CountAsync(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        GC.KeepAlive(Listener);
        var key = Guid.NewGuid().ToString("N");
        var tally = Tallies[key] = new Tally();
        client.DefaultRequestHeaders.Add(Header, key);
        try
        {
            var response = await send(client);
            await response.Content.LoadIntoBufferAsync();
            return (response, tally.Result());
        }
        finally
        {
            client.DefaultRequestHeaders.Remove(Header);
            Tallies.TryRemove(key, out _);
        }
    }

    /// <summary>Runs <paramref name="work"/> (a handler called without a request) and returns what it sent.</summary>
    public static async Task<(T Result, RequestStatements Statements)> CountAsync<T>(Func<Task<T>> work)
    {
        GC.KeepAlive(Listener);
        var tally = Flow.Value = new Tally();
        try
        {
            return (await work(), tally.Result());
        }
        finally
        {
            Flow.Value = null;
        }
    }

    public DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        result.StateChange += (sender, change) =>
        {
            if (change.CurrentState == ConnectionState.Open && Current() is { } tally)
            {
                tally.Opened(((DbConnection)sender).ConnectionString);
            }
        };
        return result;
    }

    private static Tally? Current() => Flow.Value ??
        (Requests.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } key ? Tallies.GetValueOrDefault(key) : null);

    private static ActivityListener StartListening()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                if (Current() is { } tally)
                {
                    activity.SetCustomProperty(KeyProperty, tally);
                }
            },
            ActivityStopped = activity =>
            {
                // Npgsql also traces the physical opening of a pooled connection (no query text): that happens when the
                // pool has none idle, not because of the page, so only activities carrying a statement are counted.
                if (activity.GetCustomProperty(KeyProperty) is Tally tally
                    && (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string { Length: > 0 } text)
                {
                    tally.Executed(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private sealed class Tally
    {
        private readonly ConcurrentQueue<string> _texts = new();
        private readonly ConcurrentQueue<string> _opened = new();

        public void Opened(string connectionString) => _opened.Enqueue(connectionString);

        public void Executed(string text) => _texts.Enqueue(text);

        public RequestStatements Result()
        {
            var texts = _texts.ToList();
            var opened = _opened.ToList();
            return new RequestStatements(texts.Count, texts.Sum(StatementsIn), opened.Count, texts) { Opened = opened };
        }

        /// <summary>The statements of one command: EF and the portal pass values as parameters, so a ';' ends a statement.</summary>
        private static int StatementsIn(string text) =>
            Math.Max(1, text.Split(';').Count(part => !string.IsNullOrWhiteSpace(part)));
    }
}
