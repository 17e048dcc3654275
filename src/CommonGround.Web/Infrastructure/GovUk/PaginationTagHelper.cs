using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// GOV.UK pagination: <c>&lt;govuk-pagination current-page="2" total-pages="9" href-format="?pageNumber={0}" /&gt;</c>.
/// Shows the first, last, current and neighbouring pages, with an ellipsis for the gaps. Renders nothing for one page.
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationTagHelper : TagHelper
{
    [HtmlAttributeName("current-page")]
    public int CurrentPage { get; set; } = 1;

    [HtmlAttributeName("total-pages")]
    public int TotalPages { get; set; } = 1;

    [HtmlAttributeName("href-format")]
    public string HrefFormat { get; set; } = "?pageNumber={0}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        string Href(int page) => Html.Encode(string.Format(CultureInfo.InvariantCulture, HrefFormat, page));
        var items = new StringBuilder();
        var previousShown = 0;
        foreach (var page in PagesToShow())
        {
            if (page - previousShown > 1)
            {
                items.Append("""<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>""");
            }

            items.Append(page == CurrentPage
                ? $"""<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="{Href(page)}" aria-label="Page {page}" aria-current="page">{page}</a></li>"""
                : $"""<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="{Href(page)}" aria-label="Page {page}">{page}</a></li>""");
            previousShown = page;
        }

        var previous = CurrentPage > 1
            ? $"""<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{Href(CurrentPage - 1)}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>"""
            : "";
        var next = CurrentPage < TotalPages
            ? $"""<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{Href(CurrentPage + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>"""
            : "";
        Html.Replace(output, $"""<nav class="govuk-pagination" aria-label="Pages">{previous}<ul class="govuk-pagination__list">{items}</ul>{next}</nav>""");
    }

    private IEnumerable<int> PagesToShow() =>
        new[] { 1, CurrentPage - 1, CurrentPage, CurrentPage + 1, TotalPages }
            .Where(p => p >= 1 && p <= TotalPages)
            .Distinct()
            .Order();
}
