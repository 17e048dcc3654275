using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommonGround.Core.Data;

/// <summary>
/// Rows of any table, chosen by a column found from the data model rather than named in code: for the work that must
/// reach every table, whatever is added later (erasing a record, deleting an account). Each call is one statement.
/// </summary>
public static class ModelRows
{
    private static readonly MethodInfo KeysMethod = Generic(nameof(KeysOf));
    private static readonly MethodInfo AnyMethod = Generic(nameof(AnyOf));
    private static readonly MethodInfo DeleteMethod = Generic(nameof(DeleteOf));
    private static readonly MethodInfo BlankMethod = Generic(nameof(BlankOf));

    /// <summary>The primary keys of the rows whose <paramref name="column"/> holds one of <paramref name="ids"/>.</summary>
    public static Task<List<Guid>> KeysAsync(DbContext db, IEntityType type, string column, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (Task<List<Guid>>)KeysMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, type, column, ids, cancellationToken])!;

    public static Task<bool> AnyAsync(DbContext db, IEntityType type, string column, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (Task<bool>)AnyMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, type, column, ids, cancellationToken])!;

    public static Task<int> DeleteAsync(DbContext db, IEntityType type, string column, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (Task<int>)DeleteMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, type, column, ids, cancellationToken])!;

    /// <summary>Empties the text <paramref name="column"/> wherever it holds <paramref name="value"/>, in any case.</summary>
    public static Task<int> BlankAsync(DbContext db, IEntityType type, string column, string value, CancellationToken cancellationToken) =>
        (Task<int>)BlankMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, type, column, value.ToLowerInvariant(), cancellationToken])!;

    private static MethodInfo Generic(string name) => typeof(ModelRows).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    private static IQueryable<T> Set<T>(DbContext db, IEntityType type) where T : class =>
        type.HasSharedClrType ? db.Set<T>(type.Name) : db.Set<T>();

    private static IQueryable<T> Where<T>(DbContext db, IEntityType type, string column, IReadOnlyCollection<Guid> ids) where T : class
    {
        if (type.FindProperty(column)!.ClrType == typeof(Guid?))
        {
            var nullable = ids.Select(v => (Guid?)v).ToList();
            return Set<T>(db, type).Where(e => nullable.Contains(EF.Property<Guid?>(e, column)));
        }

        return Set<T>(db, type).Where(e => ids.Contains(EF.Property<Guid>(e, column)));
    }

    private static Task<List<Guid>> KeysOf<T>(DbContext db, IEntityType type, string column, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class =>
        Where<T>(db, type, column, ids).Select(e => EF.Property<Guid>(e, type.FindPrimaryKey()!.Properties[0].Name)).ToListAsync(cancellationToken);

    private static Task<bool> AnyOf<T>(DbContext db, IEntityType type, string column, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class =>
        Where<T>(db, type, column, ids).AnyAsync(cancellationToken);

    private static Task<int> DeleteOf<T>(DbContext db, IEntityType type, string column, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class =>
        Where<T>(db, type, column, ids).ExecuteDeleteAsync(cancellationToken);

    private static Task<int> BlankOf<T>(DbContext db, IEntityType type, string column, string lower, CancellationToken cancellationToken) where T : class =>
        Set<T>(db, type).Where(e => EF.Property<string>(e, column).ToLower() == lower)
            .ExecuteUpdateAsync(u => u.SetProperty(e => EF.Property<string>(e, column), ""), cancellationToken);
}
