using CommonGround.Core.Audit;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CommonGround.Web.Infrastructure;

/// <summary>How a change to a child's record is shown wherever changes are listed: the chronology, a part of the record, and what is new.</summary>
public static class ChildChangeHtml
{
    /// <summary>What changed, in its own words, linked to what it was about when the change says.</summary>
    public static IHtmlContent ChildChange(this IHtmlHelper html, AuditEvent change)
    {
        var words = change.Summary ?? change.Action;
        if (change.Subject is not { } subject || change.EntityId is not { } childId)
        {
            return new StringHtmlContent(words);
        }

        var link = new TagBuilder("a");
        link.AddCssClass("govuk-link");
        link.Attributes["href"] = subject.Link(childId);
        link.InnerHtml.Append(words);
        return link;
    }
}
