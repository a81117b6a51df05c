using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MigrantAid.Web.Data;

/// <summary>
/// A query EF Core compiles once (<c>EF.CompileAsyncQuery</c>), kept per EF model (ADR 0027). A compiled query runs
/// with the one model it first ran with; a portal has one model, but a process hosting several portals with
/// different field ciphers (the test suite) has one per cipher, since the cipher's converters are part of the model.
/// </summary>
public sealed class CompiledForModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db)
    {
        var model = db.Model;
        return _compiled.TryGetValue(model, out var query) ? query : _compiled.GetValue(model, _ => compile());
    }
}
