using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// The GOV.UK table: <c>&lt;govuk-table caption="Staff" head='new[] { "Name", "Email" }'&gt;</c> holding
/// <c>&lt;govuk-table-row&gt;</c>s of <c>&lt;govuk-table-cell&gt;</c>s (the first may be <c>header="true"</c>).
/// On a phone each row reads as a card: its header first, then each cell under its column's name, so nothing is
/// ever off the side of the screen (every table in the service is drawn here, so every table does this).
/// </summary>
[HtmlTargetElement("govuk-table")]
public sealed class TableTagHelper : TagHelper
{
    [HtmlAttributeName("caption")]
    public string? Caption { get; set; }

    [HtmlAttributeName("caption-class")]
    public string CaptionClass { get; set; } = "govuk-table__caption--m";

    [HtmlAttributeName("head")]
    public IEnumerable<string> Head { get; set; } = [];

    // The rows are written straight to the response between the head and the end of the table, never built as one string.
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        context.Items[typeof(TableTagHelper)] = Head.ToList();
        Tag(output, "table", "govuk-table cg-table-cards");
        if (Caption is not null)
        {
            output.PreContent.AppendHtml($"""<caption class="govuk-table__caption {CaptionClass}">{Html.Encode(Caption)}</caption>""");
        }

        output.PreContent.AppendHtml("""<thead class="govuk-table__head"><tr class="govuk-table__row">""");
        foreach (var name in Head)
        {
            output.PreContent.AppendHtml($"""<th scope="col" class="govuk-table__header">{Html.Encode(name)}</th>""");
        }

        output.PreContent.AppendHtml("""</tr></thead><tbody class="govuk-table__body">""");
        output.PostContent.AppendHtml("</tbody>");
    }

    /// <summary>Makes the element <paramref name="tag"/> with only the class given, its content rendered as it is.</summary>
    internal static void Tag(TagHelperOutput output, string tag, string classes)
    {
        output.TagName = tag;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", classes);
    }
}

[HtmlTargetElement("govuk-table-row", ParentTag = "govuk-table")]
public sealed class TableRowTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        context.Items[typeof(TableRowTagHelper)] = new ColumnCount();
        TableTagHelper.Tag(output, "tr", "govuk-table__row");
    }
}

[HtmlTargetElement("govuk-table-cell", ParentTag = "govuk-table-row")]
public sealed class TableCellTagHelper : TagHelper
{
    /// <summary>A row header: the cell that names the row.</summary>
    [HtmlAttributeName("header")]
    public bool Header { get; set; }

    [HtmlAttributeName("numeric")]
    public bool Numeric { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var column = context.Items.TryGetValue(typeof(TableRowTagHelper), out var count) ? ((ColumnCount)count).Next() : 0;
        var head = context.Items.TryGetValue(typeof(TableTagHelper), out var names) ? (List<string>)names : [];
        var numeric = Numeric ? (Header ? " govuk-table__header--numeric" : " govuk-table__cell--numeric") : "";
        TableTagHelper.Tag(output, Header ? "th" : "td", (Header ? "govuk-table__header" : "govuk-table__cell") + numeric);
        if (Header)
        {
            output.Attributes.Insert(0, new TagHelperAttribute("scope", "row"));
        }
        else if (column < head.Count && head[column].Length > 0)
        {
            // The column's name goes with each cell, for the card a phone shows; a row's header is the card's title.
            output.Attributes.SetAttribute("data-label", head[column]);
        }
    }
}

/// <summary>Which column of its row the next cell is in.</summary>
internal sealed class ColumnCount
{
    private int _next;

    public int Next() => _next++;
}
