using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Time;
using CsvHelper;

namespace CommonGround.Core.DataRights;

/// <summary>
/// Who a download is about and who it was made for, as its report and manifest say: a child (with the parts of their
/// record the person may see) or, with no parts, the person themself.
/// </summary>
public sealed record ExportFor(string SubjectName, Guid SubjectId, string RequestedByName, DateTime PreparedAt, IReadOnlySet<RecordArea>? Parts)
{
    public static ExportFor Child(Child child, string requestedByName, DateTime preparedAt, IReadOnlySet<RecordArea> parts) =>
        new(child.FullName, child.Id, requestedByName, preparedAt, parts);

    public static ExportFor Person(Guid userId, string name, DateTime preparedAt) => new(name, userId, name, preparedAt, null);

    public bool IsAboutAChild => Parts is not null;
}

/// <summary>
/// Writes a child's record as one zip: <c>report.html</c> for people (it opens in any browser, on a phone too, with
/// nothing fetched from anywhere), <c>data/</c> with each table as JSON and CSV for machines, <c>documents/</c> with the
/// files, and <c>manifest.json</c> saying what each file holds, how many rows, and its SHA-256.
/// </summary>
public static class RecordExportWriter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(Stream output, ExportFor about, RecordContents contents)
    {
        var manifest = new List<(string Path, string Holds, int? Rows, string Sha256)>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            manifest.Add(("report.html", "The whole record as a report to read", null, Add(zip, "report.html", s => WriteReport(s, about, contents))));
            foreach (var table in contents.Tables)
            {
                manifest.Add(($"data/{table.Key}.json", table.Title, table.Rows.Count, Add(zip, $"data/{table.Key}.json", s => WriteJson(s, table))));
                manifest.Add(($"data/{table.Key}.csv", table.Title, table.Rows.Count, Add(zip, $"data/{table.Key}.csv", s => WriteCsv(s, table))));
            }

            foreach (var file in contents.Files)
            {
                manifest.Add((file.PathInDownload, "A document on the record", null, Add(zip, file.PathInDownload, s => s.Write(file.Bytes), CompressionLevel.NoCompression)));
            }

            Add(zip, "manifest.json", s => WriteManifest(s, about, contents, manifest));
        }
    }

    private static string Add(ZipArchive zip, string path, Action<Stream> write, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(path, level);
        using var stream = entry.Open();
        using var hashing = new HashingStream(stream);
        write(hashing);
        return hashing.Hash();
    }

    private static void WriteJson(Stream stream, ExportTable table)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            foreach (var column in table.Columns)
            {
                json.WritePropertyName(column.Key);
                WriteJsonValue(json, column.Value(row));
            }

            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case decimal d: json.WriteNumberValue(d); break;
            case double d: json.WriteNumberValue(d); break;
            default: json.WriteStringValue(MachineText(value)); break;
        }
    }

    /// <summary>
    /// UTF-8 with a byte-order mark, so a spreadsheet reads accents; words starting with = + - or @ get a leading
    /// apostrophe so a spreadsheet never runs them as a formula (numbers and dates are left as they are).
    /// </summary>
    private static void WriteCsv(Stream stream, ExportTable table)
    {
        stream.Write(Encoding.UTF8.GetPreamble());
        using var writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord(table.Columns.Select(c => c.Key).ToArray());
        var fields = new string[table.Columns.Count];
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = table.Columns[i].Value(row) switch
                {
                    null => "",
                    string text => SpreadsheetText.Safe(text),
                    var value => MachineText(value),
                };
            }

            csv.WriteRecord(fields);
        }
    }

    /// <summary>A value as machines read it: ISO dates, instants in UTC, enums by name.</summary>
    private static string MachineText(object value) => value switch
    {
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A value as people read it: UK dates and times, yes or no, and names in words.</summary>
    private static string ReaderText(object? value) => value switch
    {
        null => "",
        DateTime t => UkDates.DateAndTime(t),
        DateOnly d => UkDates.Date(d),
        TimeOnly t => t.ToString("h:mmtt", CultureInfo.GetCultureInfo("en-GB")).ToLowerInvariant(),
        bool b => b ? "Yes" : "No",
        Enum e => ExportTable.Heading(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.GetCultureInfo("en-GB")),
        _ => value.ToString() ?? "",
    };

    private static void WriteManifest(Stream stream, ExportFor about, RecordContents contents, List<(string Path, string Holds, int? Rows, string Sha256)> files)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString(about.IsAboutAChild ? "child" : "person", about.SubjectName);
        json.WriteString(about.IsAboutAChild ? "childId" : "accountId", about.SubjectId);
        json.WriteString("preparedFor", about.RequestedByName);
        json.WriteString("preparedAt", MachineText(about.PreparedAt));
        if (about.Parts is { } parts)
        {
            json.WriteStartArray("partsOfTheRecord");
            foreach (var part in parts.Order())
            {
                json.WriteStringValue(part.ToDisplayName());
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("notIncluded");
        foreach (var line in contents.LeftOut)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteStartArray("files");
        foreach (var (path, holds, rows, sha256) in files)
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteString("holds", holds);
            if (rows is { } count)
            {
                json.WriteNumber("rows", count);
            }

            json.WriteString("sha256", sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteReport(Stream stream, ExportFor about, RecordContents contents)
    {
        using var w = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        var title = about.IsAboutAChild ? $"Everything held about {about.SubjectName}" : $"Everything held about you, {about.SubjectName}";
        var holds = about.Parts is { } parts
            ? $"<p>It holds everything CommonGround holds about {E(about.SubjectName)} that you may see. Parts of the record: {E(RecordAreas.Describe(parts))}, and the team and what is shared.</p>"
            : "<p>It holds everything CommonGround holds about you: your account, your places in families and teams, what you wrote, what you did, and what you looked at.</p>";
        w.Write($"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title>
            <style>{ReportStyle}</style>
            </head>
            <body>
            <a class="skip" href="#main">Skip to the record</a>
            <main id="main">
            <h1>{E(title)}</h1>
            <p>Prepared for {E(about.RequestedByName)} on {E(UkDates.DateAndTime(about.PreparedAt))}.</p>
            {holds}
            <h2>What is not in it</h2>
            <ul>
            """);
        foreach (var line in contents.LeftOut)
        {
            w.Write($"<li>{E(line)}</li>\n");
        }

        w.Write("""
            </ul>
            <p>The same record is in the <code>data</code> folder as JSON and CSV, for a spreadsheet or another service, and <code>manifest.json</code> lists every file.</p>
            <h2>Contents</h2>
            <ol>
            """);
        foreach (var table in contents.Tables)
        {
            w.Write($"<li><a href=\"#{table.Key}\">{E(table.Title)}</a> ({Count(table.Rows.Count)})</li>\n");
        }

        w.Write("</ol>\n");
        foreach (var table in contents.Tables)
        {
            WriteSection(w, table);
        }

        w.Write("</main>\n</body>\n</html>\n");
    }

    private static void WriteSection(StreamWriter w, ExportTable table)
    {
        w.Write($"<section aria-labelledby=\"{table.Key}\">\n<h2 id=\"{table.Key}\">{E(table.Title)}</h2>\n<p>{E(table.About)}</p>\n");
        if (table.Rows.Count == 0)
        {
            w.Write("<p>None.</p>\n</section>\n");
            return;
        }

        // Only the columns something in this table fills: an empty column is noise on a phone.
        var columns = table.Columns.Where(c => c.InReport && table.Rows.Any(r => ReaderText(c.Value(r)).Length > 0)).ToList();
        w.Write($"<table>\n<caption>{E(table.Title)}: {Count(table.Rows.Count)}</caption>\n<thead><tr>");
        foreach (var column in columns)
        {
            w.Write($"<th scope=\"col\">{E(column.Heading)}</th>");
        }

        w.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            w.Write("<tr>");
            foreach (var column in columns)
            {
                var text = ReaderText(column.Value(row));
                w.Write(column.Key == "file" && text.Length > 0
                    ? $"<td data-label=\"{E(column.Heading)}\"><a href=\"{E(text)}\">{E(text)}</a></td>"
                    : $"<td data-label=\"{E(column.Heading)}\">{E(text)}</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody>\n</table>\n</section>\n");
    }

    private static string Count(int rows) => rows == 1 ? "1 item" : $"{rows:N0} items";

    private static string E(string text) => Html.Encode(text);

    /// <summary>
    /// Plain, readable styles in the report itself, so it needs nothing from the internet. On a narrow screen each row
    /// becomes a card with every value under its heading, so nothing needs scrolling sideways.
    /// </summary>
    private const string ReportStyle = """
        body{font-family:Arial,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;margin:0;padding:15px;max-width:1100px}
        a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
        .skip{position:absolute;left:-9999px}.skip:focus{position:static}
        h1{font-size:32px}h2{font-size:24px;margin-top:40px}
        table{border-collapse:collapse;width:100%;font-size:16px}caption{text-align:left;font-weight:bold;padding:5px 0}
        th,td{border-bottom:1px solid #b1b4b6;padding:8px 10px 8px 0;text-align:left;vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere}
        @media (max-width:640px){thead{position:absolute;left:-9999px}table,tbody,tr,td{display:block}
        tr{border-top:2px solid #0b0c0c;padding:8px 0}td{border:0;padding:2px 0}td:empty{display:none}
        td::before{content:attr(data-label);display:block;font-weight:bold}}
        @media print{body{font-size:12px}a{color:#0b0c0c}}
        """;

    /// <summary>Works out the SHA-256 of what passes through, for the manifest.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Hash() => Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
