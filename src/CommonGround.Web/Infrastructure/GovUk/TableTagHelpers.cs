using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// The GOV.UK table: <c>&lt;govuk-table caption="Staff" head='new[] { "Name", "Email" }'&gt;</c> holding
/// <c>&lt;govuk-table-row&gt;</c>s of <c>&lt;govuk-table-cell&gt;</c>s (the first may be <c>header="true"</c>).
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
        var rows = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption is null ? "" : $"""<caption class="govuk-table__caption {CaptionClass}">{Html.Encode(Caption)}</caption>""";
        var head = string.Concat(Head.Select(h => $"""<th scope="col" class="govuk-table__header">{Html.Encode(h)}</th>"""));
        Html.Replace(output, $"""<table class="govuk-table">{caption}<thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead><tbody class="govuk-table__body">{rows}</tbody></table>""");
    }
}

[HtmlTargetElement("govuk-table-row", ParentTag = "govuk-table")]
public sealed class TableRowTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
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
        var content = (await output.GetChildContentAsync()).GetContent();
        var numeric = Numeric ? (Header ? " govuk-table__header--numeric" : " govuk-table__cell--numeric") : "";
        Html.Replace(output, Header
            ? $"""<th scope="row" class="govuk-table__header{numeric}">{content}</th>"""
            : $"""<td class="govuk-table__cell{numeric}">{content}</td>""");
    }
}
