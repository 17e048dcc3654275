using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommonGround.Core.Data;

/// <summary>
/// A query EF Core makes into SQL once, kept for each model it is used with. EF Core's own compiled query serves only
/// the first model it met and refuses any other, and one process can hold more than one (the benchmark makes its data
/// with one set of options and runs the service with another).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
