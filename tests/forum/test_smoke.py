from forum import actions


def test_thread_page_renders(client, question, member):
    actions.create_reply(member, question, "Coba dekat jendela pagi hari, @luh-sukerti.")
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    client.force_login(member)
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    for name in ("forum:index",):
        from django.urls import reverse

        assert client.get(reverse(name)).status_code == 200
    assert client.get(question.category.get_absolute_url()).status_code == 200
