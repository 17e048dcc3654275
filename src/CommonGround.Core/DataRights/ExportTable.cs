using System.Reflection;
using System.Text.RegularExpressions;
using CommonGround.Core.Access;

namespace CommonGround.Core.DataRights;

/// <summary>
/// One column of a table in a download: its name in the data files (<see cref="Key"/>), its heading in the report, and
/// whether the report shows it. Identifiers link the data files together but mean nothing to a reader, so the report
/// leaves them out.
/// </summary>
public sealed record ExportColumn(string Key, string Heading, bool InReport, Func<object, object?> Value);

/// <summary>
/// One kind of thing held about a child, as rows and columns: written as JSON and CSV for machines and as a section of
/// the report for people. The columns are every stored field of the thing, so nothing held is left out by accident;
/// the few that are secrets of the service, or of other people, are named in <see cref="Withheld"/>.
/// </summary>
public sealed partial class ExportTable
{
    /// <summary>Fields never given out: where someone was when they looked, and the service's own working state.</summary>
    public static readonly IReadOnlySet<string> Withheld = new HashSet<string>(["IpAddress", "TokenHash", "LeaseOwner", "LeaseExpiresAt", "AreaId"]);

    private readonly List<ExportColumn> _columns;

    /// <summary>Fields that link the data files or run the service: in the data, but only noise in a report to read.</summary>
    private static readonly HashSet<string> DataOnly = ["Payload", "Version", "Attempts", "Action", "EntityType", "Link", "OnceKey", "CalendarSequence", "EmailDueAt"];

    private ExportTable(string key, string title, string about, RecordArea? part, Type rowType, IReadOnlyList<object> rows, List<ExportColumn> columns) =>
        (Key, Title, About, Part, RowType, Rows, _columns) = (key, title, about, part, rowType, rows, columns);

    /// <summary>The table's name in the data files, e.g. <c>delivery-records</c>.</summary>
    public string Key { get; }
    public string Title { get; }
    public string About { get; }
    /// <summary>The part of the record it belongs to, or none for the record as a whole.</summary>
    public RecordArea? Part { get; }
    /// <summary>The kind of stored thing each row is.</summary>
    public Type RowType { get; }
    public IReadOnlyList<object> Rows { get; }
    public IReadOnlyList<ExportColumn> Columns => _columns;

    /// <summary>A table of every stored field of <typeparamref name="T"/>, in the order the record declares them.</summary>
    public static ExportTable Of<T>(string key, string title, string about, RecordArea? part, IEnumerable<T> rows) where T : class
    {
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && IsStored(p.PropertyType) && !Withheld.Contains(p.Name) && p.SetMethod is not null)
            .Select(p => new ExportColumn(JsonName(p.Name), Heading(p.Name), InReport(p), row => p.GetValue(row)))
            .ToList();
        return new ExportTable(key, title, about, part, typeof(T), rows.Cast<object>().ToList(), columns);
    }

    /// <summary>Adds a column worked out from the row, such as a person's name beside their account.</summary>
    public ExportTable With<T>(string key, string heading, Func<T, object?> value)
    {
        _columns.Add(new ExportColumn(key, heading, true, row => value((T)row)));
        return this;
    }

    /// <summary>Leaves out the stored fields of these names.</summary>
    public ExportTable Without(IReadOnlySet<string> names)
    {
        _columns.RemoveAll(c => names.Any(n => JsonName(n) == c.Key));
        return this;
    }

    /// <summary>Replaces a stored column's value, keeping its place: a draft's words held back, a plan shown as text.</summary>
    public ExportTable Replace<T>(string key, Func<T, object?> value)
    {
        var index = _columns.FindIndex(c => c.Key == key);
        _columns[index] = _columns[index] with { Value = row => value((T)row), InReport = true };
        return this;
    }

    private static bool IsStored(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(DateTime) || t == typeof(DateOnly)
            || t == typeof(TimeOnly) || t == typeof(decimal);
    }

    private static bool InReport(PropertyInfo property)
    {
        var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return t != typeof(Guid) && !DataOnly.Contains(property.Name);
    }

    public static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A field's name as a heading: <c>DeliveredOn</c> reads "Delivered on".</summary>
    public static string Heading(string name)
    {
        var words = WordStart().Replace(name, " $1").Trim().ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z][a-z]|(?<=[a-z])[A-Z])")]
    private static partial Regex WordStart();
}
