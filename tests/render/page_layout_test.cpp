// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/page_layout.h"

#include "core/error.h"

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::render;

TEST(PageLayout, BundledTemplatesFitTheirPages)
{
    for (const QString &id : builtinLayoutIds()) {
        const PageLayout layout = loadPageLayout(id);
        EXPECT_EQ(layout.id, id);
        const QRectF page(QPointF(0, 0), layout.pageSizeMm());
        for (const QRectF &box : {layout.title, layout.map, layout.legend, layout.table,
                                  layout.notes, layout.pageNumber}) {
            EXPECT_TRUE(page.contains(box)) << id.toStdString();
            EXPECT_FALSE(box.isEmpty()) << id.toStdString();
        }
        // Nothing printed outside the map overlaps it.
        for (const QRectF &box :
             {layout.title, layout.legend, layout.table, layout.notes, layout.pageNumber})
            EXPECT_FALSE(box.intersects(layout.map)) << id.toStdString();
        EXPECT_TRUE(layout.map.contains(layout.scaleBar));
        EXPECT_TRUE(layout.map.contains(layout.northArrow));
    }
}

TEST(PageLayout, SizesAndOrientations)
{
    EXPECT_EQ(loadPageLayout(QStringLiteral("a4_portrait")).pageSizeMm(), QSizeF(210, 297));
    EXPECT_EQ(loadPageLayout(QStringLiteral("a4_landscape")).pageSizeMm(), QSizeF(297, 210));
    EXPECT_EQ(loadPageLayout(QStringLiteral("a3_portrait")).pageSizeMm(), QSizeF(297, 420));
    EXPECT_EQ(loadPageLayout(QStringLiteral("a3_landscape")).pageSizeMm(), QSizeF(420, 297));
}

TEST(PageLayout, BadTemplatesNameTheKey)
{
    auto message = [](const char *json) {
        try {
            parsePageLayout(QByteArray(json), QStringLiteral("mine.json"));
        } catch (const InputError &error) {
            return error.formatted();
        }
        return QString();
    };
    EXPECT_TRUE(message(R"({"page": {"size": "B5", "orientation": "portrait"}})")
                    .contains(QStringLiteral("page.size")));
    EXPECT_TRUE(message(R"({"page": {"size": "A4", "orientation": "portrait"},
                            "title": {"x": 0, "y": 0, "w": 300, "h": 10}})")
                    .contains(QStringLiteral("title reaches outside")));
    EXPECT_TRUE(message(R"({"page": {"size": "A4", "orientation": "portrait"},
                            "title": {"x": 0, "y": 0, "w": 10, "h": 10}})")
                    .contains(QStringLiteral("map")));
    EXPECT_THROW(loadPageLayout(QStringLiteral("/nonexistent/layout.json")), InputError);
}
