package com.sladesk.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Resolved requests, searchable by what a new request says: its subject, description and product are indexed
 * twice, analysed as English (stemmed, stop words dropped) and as Chinese (words segmented), so a request in
 * either language finds its like; the category counts a little too. Only the resolution sent to the customer is
 * kept, never internal notes or expert diagnoses. Each node keeps its own index; adding a request that is
 * already there replaces it (a reopened request resolved again).
 */
public final class SolutionIndex implements AutoCloseable {

    static final String KEY = "key";
    static final String EN = "text_en";
    static final String ZH = "text_zh";
    static final String CATEGORY = "category";
    static final String RESOLUTION = "resolution";
    static final String RESOLVED_AT = "resolvedAt";

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** A resolved request as the index keeps it. */
    public record Solved(String key, String subject, String description, String category, String product,
            String resolution, Instant resolvedAt) {
    }

    /** A suggestion: a resolved request like the new one, how alike (Lucene's score) and how it was resolved. */
    public record Suggestion(String key, double score, String resolution, Instant resolvedAt) {
    }

    public SolutionIndex() {
        this(new ByteBuffersDirectory());
    }

    SolutionIndex(Directory directory) {
        this.directory = directory;
        this.analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(ZH, new SmartChineseAnalyzer()));
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds (or replaces) a resolved request; searchable once {@link #refresh()} ran. */
    public void add(Solved solved) {
        String text = String.join("\n", nonNull(solved.subject()), nonNull(solved.description()),
                nonNull(solved.product()));
        Document document = new Document();
        document.add(new StringField(KEY, solved.key(), Field.Store.YES));
        document.add(new TextField(EN, text, Field.Store.NO));
        document.add(new TextField(ZH, text, Field.Store.NO));
        document.add(new StringField(CATEGORY, nonNull(solved.category()), Field.Store.NO));
        document.add(new StoredField(RESOLUTION, nonNull(solved.resolution())));
        document.add(new LongPoint(RESOLVED_AT, solved.resolvedAt().toEpochMilli()));
        document.add(new StoredField(RESOLVED_AT, solved.resolvedAt().toEpochMilli()));
        try {
            writer.updateDocument(new Term(KEY, solved.key()), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was added searchable. */
    public void refresh() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    /** The bytes of the index's files (committed segments). */
    public long bytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code limit} resolved requests most like the given one (never the request itself), best first. */
    public List<Suggestion> like(String key, String subject, String description, String category, String product,
            int limit) {
        String text = String.join("\n", nonNull(subject), nonNull(description), nonNull(product));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        QueryBuilder builder = new QueryBuilder(analyzer);
        boolean any = false;
        for (String field : List.of(EN, ZH)) {
            Query words = builder.createBooleanQuery(field, text);
            if (words != null) {
                query.add(words, BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        if (category != null && !category.isBlank()) {
            query.add(new BoostQuery(new TermQuery(new Term(CATEGORY, category)), 0.5f), BooleanClause.Occur.SHOULD);
        }
        if (key != null) {
            query.add(new TermQuery(new Term(KEY, key)), BooleanClause.Occur.MUST_NOT);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Suggestion> suggestions = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
                    Document document = searcher.storedFields().document(hit.doc);
                    suggestions.add(new Suggestion(document.get(KEY), Math.round(hit.score * 1000) / 1000.0,
                            document.get(RESOLUTION), Instant.ofEpochMilli(
                                    document.getField(RESOLVED_AT).numericValue().longValue())));
                }
                return suggestions;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
