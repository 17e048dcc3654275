namespace CommonGround.Core;

public static class SpreadsheetText
{
    /// <summary>A spreadsheet would run text starting with = + - or @ as a formula; a leading apostrophe keeps it as text.</summary>
    public static string Safe(string value) => value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
}
