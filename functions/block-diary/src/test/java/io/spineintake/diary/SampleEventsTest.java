package io.spineintake.diary;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.RepoRoot;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** events/block-diary: the sample events in API Gateway's shape answer as events/README.md says. */
@ExtendWith(LocalAwsExtension.class)
class SampleEventsTest {

    static APIGatewayV2HTTPEvent load(String name) {
        return EventLoader.loadApiGatewayHttpEvent(RepoRoot.find().resolve("events/block-diary").resolve(name).toString());
    }

    @Test
    void theSampleEventsAnswerAsDocumented(LocalAws aws) {
        Diary diary = new Diary(aws);
        assertThat(diary.call(load("get-diary.json")).status()).isEqualTo(401);
        assertThat(diary.call(load("post-entry.json")).status()).isEqualTo(401);

        String referral = diary.referral();
        String token = diary.link(referral, diary.episode(referral));
        diary.at(31);
        APIGatewayV2HTTPEvent get = load("get-diary.json");
        get.getHeaders().put("authorization", "Diary " + token);
        assertThat(diary.call(get).status()).isEqualTo(200);
        APIGatewayV2HTTPEvent post = load("post-entry.json");
        post.getHeaders().put("authorization", "Diary " + token);
        Diary.Answer a = diary.call(post);
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.body().path("timePoint").asInt()).isEqualTo(30);
        assertThat(a.body().path("movements").size()).isEqualTo(2);
    }
}
