using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommonGround.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>
/// Reports and letters kept with Sam's record. Alex shares Health with Grace (the therapist) and not with Dan
/// (transport); Priya (the SENCO) sees Education and Health.
/// </summary>
public sealed class DocumentTests : FreshAppTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"u8.ToArray();

    /// <summary>Posts the add-a-document form as a browser would, with the file as a multipart part.</summary>
    private static async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(HttpClient client, Guid child, string title, string part, string? fileName, byte[]? bytes)
    {
        var (_, page) = await client.OpenAsync($"/children/{child}/documents/new");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(part), "Input.Part" },
        };
        if (fileName is not null)
        {
            form.Add(new ByteArrayContent(bytes ?? []), "Input.File", fileName);
        }

        var response = await client.PostAsync($"/children/{child}/documents/new", form);
        return (response, await Browse.ParseAsync(response));
    }

    private static byte[] WordDocument()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>") })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }

    [Fact]
    public async Task A_report_added_to_health_is_opened_by_those_shared_health_as_a_logged_download_and_by_no_one_else()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (added, addedPage) = await UploadAsync(parent, sam, "Speech and language therapy report, March 2026", "Health", "SALT report.pdf", Pdf);
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, string.Join("; ", addedPage.ErrorSummary()));
        var document = await App.QueryAsync(db => db.Documents.SingleAsync());
        Assert.Equal((DocumentType.Pdf, "SALT report.pdf", Pdf.Length, Convert.ToHexStringLower(SHA256.HashData(Pdf))), (document.Type, document.FileName, (int)document.SizeBytes, document.Sha256));

        var therapist = await SignedInAsync("therapist@example.org");
        var (_, list) = await therapist.OpenAsync($"/children/{sam}/documents");
        Assert.Equal("Speech and language therapy report, March 2026", list.QuerySelector("main .cg-documents a")!.TextContent.Trim());
        var download = await therapist.GetAsync($"/children/{sam}/documents/{document.Id}?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains(await App.QueryAsync(db => db.AccessLog.Where(e => e.ChildId == sam).Select(e => e.What).ToListAsync()),
            what => what.Contains("Document downloaded: Speech and language therapy report", StringComparison.Ordinal));

        var transport = await SignedInAsync("transport@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await transport.GetAsync($"/children/{sam}/documents/{document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await transport.GetAsync($"/children/{sam}/documents/{document.Id}?handler=Download")).StatusCode);
        var (_, transportList) = await transport.OpenAsync($"/children/{sam}/documents");
        Assert.Empty(transportList.QuerySelectorAll("main .cg-documents a"));

        // Someone may add only to a part they see.
        var (refused, refusedPage) = await UploadAsync(transport, sam, "Route plan", "Health", "route.pdf", Pdf);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Choose which part of the record it belongs to", refusedPage.ErrorSummary().Single());
    }

    [Theory]
    [InlineData("report.pdf", "exe", "The selected file must be a PDF, Word (.docx), PNG or JPEG")]
    [InlineData("report.docx", "zip", "The selected file must be a PDF, Word (.docx), PNG or JPEG")]
    [InlineData("report.pdf", "empty", "The selected file is empty")]
    [InlineData("report.pdf", "big", "The selected file must be smaller than 10 MB")]
    [InlineData(null, "none", "Select a file")]
    public async Task A_bad_file_is_refused_with_a_clear_message_and_nothing_is_kept(string? fileName, string content, string message)
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        byte[]? bytes = content switch
        {
            "exe" => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
            "zip" => ZipOfSpreadsheet(),
            "empty" => [],
            "big" => [.. Pdf, .. new byte[(int)DocumentTypes.MaxBytes]],
            _ => null,
        };

        var (response, page) = await UploadAsync(parent, sam, "Report", "Education", fileName, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.ErrorSummary().Single());
        Assert.Equal((0, 0), (await App.QueryAsync(db => db.Documents.CountAsync()), await App.QueryAsync(db => db.DocumentContents.CountAsync())));
        Assert.Equal(0, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == Core.Audit.AuditActions.DocumentAdded)));
    }

    private static byte[] ZipOfSpreadsheet()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            writer.Write("<workbook/>");
        }

        return memory.ToArray();
    }

    [Fact]
    public async Task A_word_document_is_kept_under_a_safe_name_and_only_the_person_who_added_it_takes_it_out()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (added, addedPage) = await UploadAsync(parent, sam, "Letter from the paediatrician", "Education", "..\\..\\letter: final*.pdf", WordDocument());
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, string.Join("; ", addedPage.ErrorSummary()));
        var document = await App.QueryAsync(db => db.Documents.SingleAsync());
        Assert.Equal((DocumentType.Word, "letter- final.docx"), (document.Type, document.FileName));

        // Priya sees it but did not add it, so cannot take it out.
        var senco = await SignedInAsync("senco@example.org");
        var (_, page) = await senco.OpenAsync($"/children/{sam}/documents/{document.Id}");
        Assert.Empty(page.QuerySelectorAll("main form"));
        var (refused, refusedPage) = await senco.PostFormAsync($"/children/{sam}/documents/{document.Id}?handler=Remove",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = (await senco.OpenAsync($"/children/{sam}/documents/new")).Page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Only the person who added a document can take it out", refusedPage.ErrorSummary().Single());
        Assert.Equal(1, await App.QueryAsync(db => db.DocumentContents.CountAsync()));

        var (removed, _) = await parent.SubmitAsync($"/children/{sam}/documents/{document.Id}", new Dictionary<string, string>(), $"/children/{sam}/documents/{document.Id}?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.DocumentContents.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/children/{sam}/documents/{document.Id}?handler=Download")).StatusCode);
        var (_, list) = await senco.OpenAsync($"/children/{sam}/documents");
        Assert.Contains("Taken out by Alex Morgan", list.QuerySelector("main .cg-documents")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([Core.Audit.AuditActions.DocumentAdded, Core.Audit.AuditActions.DocumentRemoved],
            await App.QueryAsync(db => db.AuditEvents.Where(a => a.Action.StartsWith("document.")).OrderBy(a => a.OccurredAt).Select(a => a.Action).ToListAsync()));
    }
}
