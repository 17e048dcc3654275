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

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        context.Items[typeof(TableTagHelper)] = Head.ToList();
        var rows = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption is null ? "" : $"""<caption class="govuk-table__caption {CaptionClass}">{Html.Encode(Caption)}</caption>""";
        var head = string.Concat(Head.Select(h => $"""<th scope="col" class="govuk-table__header">{Html.Encode(h)}</th>"""));
        Html.Replace(output, $"""<table class="govuk-table cg-table-cards">{caption}<thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead><tbody class="govuk-table__body">{rows}</tbody></table>""");
    }
}

[HtmlTargetElement("govuk-table-row", ParentTag = "govuk-table")]
public sealed class TableRowTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        context.Items[typeof(TableRowTagHelper)] = new ColumnCount();
        var cells = (await output.GetChildContentAsync()).GetContent();
        Html.Replace(output, $"""<tr class="govuk-table__row">{cells}</tr>""");
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

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var column = context.Items.TryGetValue(typeof(TableRowTagHelper), out var count) ? ((ColumnCount)count).Next() : 0;
        var head = context.Items.TryGetValue(typeof(TableTagHelper), out var names) ? (List<string>)names : [];
        // The column's name goes with each cell, for the card a phone shows; a row's header is the card's title.
        var label = !Header && column < head.Count && head[column].Length > 0 ? $""" data-label="{Html.Encode(head[column])}" """.TrimEnd() : "";
        var content = (await output.GetChildContentAsync()).GetContent();
        var numeric = Numeric ? (Header ? " govuk-table__header--numeric" : " govuk-table__cell--numeric") : "";
        Html.Replace(output, Header
            ? $"""<th scope="row" class="govuk-table__header{numeric}">{content}</th>"""
            : $"""<td class="govuk-table__cell{numeric}"{label}>{content}</td>""");
    }
}

/// <summary>Which column of its row the next cell is in.</summary>
internal sealed class ColumnCount
{
    private int _next;

    public int Next() => _next++;
}
