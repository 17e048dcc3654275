using CommonGround.Core.Statutory;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommonGround.Web.Infrastructure;

/// <summary>Writes a letter, or a record such as a plan, as a Word document the family can open, change and send.</summary>
public static class WordDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(Letter letter, DateOnly date)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(letter.To));
            body.Append(Paragraph(Core.Time.UkDates.Date(date)));
            body.Append(Paragraph(letter.Subject, bold: true));
            foreach (var paragraph in letter.Paragraphs)
            {
                body.Append(Paragraph(paragraph));
            }

            body.Append(Paragraph(letter.SignOff));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A titled document in sections, each a heading and its paragraphs.</summary>
    public static byte[] Write(string title, IReadOnlyList<string> introduction, IReadOnlyList<(string Heading, IReadOnlyList<string> Paragraphs)> sections)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(title, bold: true));
            foreach (var line in introduction)
            {
                body.Append(Paragraph(line));
            }

            foreach (var (heading, paragraphs) in sections)
            {
                body.Append(Paragraph(heading, bold: true));
                foreach (var paragraph in paragraphs)
                {
                    body.Append(Paragraph(paragraph));
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "200" }), run);
    }
}
