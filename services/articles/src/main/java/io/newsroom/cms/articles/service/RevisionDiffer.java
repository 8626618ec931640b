package io.newsroom.cms.articles.service;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.api.ArticleRecords.FieldChange;
import io.newsroom.cms.articles.api.ArticleRecords.LineChange;
import io.newsroom.cms.articles.api.ArticleRecords.RevisionDiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Differences between two revisions: the changed fields, and the body as a line diff (java-diff-utils). */
public final class RevisionDiffer {
    private RevisionDiffer() {
    }

    public static RevisionDiff diff(int fromNumber, Content a, int toNumber, Content b) {
        List<FieldChange> changes = new ArrayList<>();
        field(changes, "slug", a.slug, b.slug);
        field(changes, "headline", a.headline, b.headline);
        field(changes, "dek", a.dek, b.dek);
        field(changes, "heroImage.mediaId", a.heroMediaId == null ? null : a.heroMediaId.toString(),
                b.heroMediaId == null ? null : b.heroMediaId.toString());
        field(changes, "heroImage.url", a.heroUrl, b.heroUrl);
        field(changes, "heroImage.alt", a.heroAlt, b.heroAlt);
        field(changes, "heroImage.caption", a.heroCaption, b.heroCaption);
        field(changes, "heroImage.credit", a.heroCredit, b.heroCredit);
        field(changes, "tags", a.tags, b.tags);
        field(changes, "byline", a.byline, b.byline);
        field(changes, "primarySectionId", a.primarySectionId, b.primarySectionId);
        field(changes, "secondarySectionIds", a.secondarySectionIds, b.secondarySectionIds);
        field(changes, "seo.title", a.seoTitle, b.seoTitle);
        field(changes, "seo.description", a.seoDescription, b.seoDescription);
        field(changes, "seo.canonicalUrl", a.seoCanonicalUrl, b.seoCanonicalUrl);
        field(changes, "seo.noindex", a.seoNoindex, b.seoNoindex);
        field(changes, "seo.socialImage.mediaId", a.seoImageMediaId == null ? null : a.seoImageMediaId.toString(),
                b.seoImageMediaId == null ? null : b.seoImageMediaId.toString());
        field(changes, "seo.socialImage.url", a.seoImageUrl, b.seoImageUrl);
        field(changes, "seo.socialImage.alt", a.seoImageAlt, b.seoImageAlt);
        field(changes, "correction.kind", a.correctionKind, b.correctionKind);
        field(changes, "correction.note", a.correctionNote, b.correctionNote);
        field(changes, "related", a.relatedIds, b.relatedIds);
        if (!Objects.equals(a.body, b.body)) {
            changes.add(new FieldChange("body", null, null));
        }
        List<LineChange> body = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(lines(a.body), lines(b.body)).getDeltas()) {
            body.add(new LineChange(delta.getType().name().toLowerCase(Locale.ROOT), delta.getSource().getPosition() + 1,
                    delta.getSource().getLines(), delta.getTarget().getPosition() + 1, delta.getTarget().getLines()));
        }
        return new RevisionDiff(fromNumber, toNumber, changes, body);
    }

    private static void field(List<FieldChange> changes, String name, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(name, from, to));
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
