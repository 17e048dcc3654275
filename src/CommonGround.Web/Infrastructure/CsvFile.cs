using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Infrastructure;

/// <summary>A spreadsheet download: UTF-8 with a byte-order mark so Excel reads accents, and text that cannot run as a formula.</summary>
public static class CsvFile
{
    public static FileContentResult Create(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteRecord(header.ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(Core.SpreadsheetText.Safe).ToArray());
            }
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = fileName.Replace(' ', '-') };
    }
}
